from cslkit.cli import main

main()
