// Render a seeded sequence of footnote citations with citeproc-js, as a document edited
// note by note (processCitationCluster), for tests/test_rendering_positions.py.
//   node tools/oracle/notes.js CORPUS.json STYLE.csl LOCALES_DIR OUT.json [LANG]
// Writes {"style", "lang", "clusters": [{"note", "citationItems"}], "citations": [text]}.
// Used only to rebuild test fixtures; cslkit never runs node.
"use strict";
const fs = require("fs");
const path = require("path");
const CSL = require("citeproc");

const [corpusPath, stylePath, localesDir, outPath, lang = "en-US"] = process.argv.slice(2);
const items = JSON.parse(fs.readFileSync(corpusPath, "utf8"));
const byId = new Map(items.map((item) => [item.id, item]));
const sys = {
  retrieveLocale: (code) => {
    const file = path.join(localesDir, `locales-${code}.xml`);
    return fs.existsSync(file) ? fs.readFileSync(file, "utf8") : false;
  },
  retrieveItem: (id) => byId.get(id),
};

// a small linear congruential generator: the same clusters on every run
let seed = 20261204;
function next(n) {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed % n;
}

// few items, so that they come back: ibid, subsequent, near and far notes
const pool = items.slice(0, 14).map((item) => item.id);
const locators = [null, null, "12", "12", "45", "7-9", "101"];
const clusters = [];
let note = 0;
for (let i = 0; i < 160; i += 1) {
  const step = [1, 1, 1, 1, 1, 0, 2][next(7)];  // usually the next note; sometimes the same, or one skipped
  note += note === 0 ? 1 : step;
  const size = [1, 1, 1, 1, 1, 1, 2, 2, 3][next(9)];
  const cites = [];
  for (let k = 0; k < size; k += 1) {
    // often the item cited just before, to make ibid likely
    const previous = clusters.length ? clusters[clusters.length - 1].citationItems : [];
    const id = previous.length && next(3) === 0 ? previous[previous.length - 1].id : pool[next(pool.length)];
    const cite = { id };
    const locator = locators[next(locators.length)];
    if (locator) {
      cite.locator = locator;
      if (next(5) === 0) cite.label = "chapter";
    }
    cites.push(cite);
  }
  clusters.push({ note, citationItems: cites });
}

const engine = new CSL.Engine(sys, fs.readFileSync(stylePath, "utf8"), lang, true);
engine.setOutputFormat("text");
const texts = {};
const pre = [];
clusters.forEach((cluster, index) => {
  // a copy: citeproc-js writes the item into each citation item it is given
  const citation = { citationID: `C${index}`, citationItems: JSON.parse(JSON.stringify(cluster.citationItems)),
                     properties: { noteIndex: cluster.note } };
  const [, updated] = engine.processCitationCluster(citation, pre.slice(), []);
  for (const [, text, id] of updated) texts[id] = text;
  pre.push([`C${index}`, cluster.note]);
});
const result = {
  style: path.basename(stylePath, ".csl"),
  lang,
  clusters,
  citations: clusters.map((_cluster, index) => texts[`C${index}`]),
};
fs.writeFileSync(outPath, JSON.stringify(result, null, 1) + "\n");
console.log(`wrote ${clusters.length} note citations to ${outPath}`);
