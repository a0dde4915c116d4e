"""Train the CRF tagger from build/textparser/train.jsonl into cslkit/textparser/.

    .venv/bin/python tools/textparser/train.py [--data build/textparser] [--iterations 250]

L-BFGS with L1+L2 regularisation; the L1 term and a minimum feature frequency keep the
model small (the committed file must stay under 20 MB). Deterministic for a given input.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import pycrfsuite

from cslkit.textparser.features import sequence_features
from cslkit.textparser.labels import token_labels
from cslkit.textparser.tokens import tokenize

ROOT = Path(__file__).resolve().parents[2]
MODEL = ROOT / "cslkit" / "textparser" / "model.crfsuite"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT / "build" / "textparser")
    parser.add_argument("--iterations", type=int, default=250)
    parser.add_argument("--limit", type=int, default=0, help="use only the first N examples")
    parser.add_argument("--out", type=Path, default=MODEL)
    args = parser.parse_args()

    started = time.time()
    trainer = pycrfsuite.Trainer(verbose=False)
    count = 0
    with (args.data / "train.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            example = json.loads(line)
            tokens = tokenize(example["text"])
            if not tokens:
                continue
            trainer.append(sequence_features(tokens), token_labels(tokens, example["spans"]))
            count += 1
            if args.limit and count >= args.limit:
                break
    print(f"{count} sequences featurised in {time.time() - started:.0f}s")
    trainer.set_params({
        "c1": 0.05,
        "c2": 0.01,
        "max_iterations": args.iterations,
        "feature.minfreq": 2,
        "feature.possible_transitions": True,
    })
    trainer.train(str(args.out))
    info = trainer.logparser.last_iteration
    print(f"trained in {time.time() - started:.0f}s; last iteration: {info}; "
          f"model {args.out.stat().st_size / 1e6:.1f} MB -> {args.out}")


if __name__ == "__main__":
    main()
