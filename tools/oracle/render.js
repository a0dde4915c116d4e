// Render the oracle corpus with citeproc-js (npm "citeproc") to expected strings.
//   node tools/oracle/render.js [--document] CORPUS.json STYLE.csl LOCALES_DIR OUT.json [LANG]
// Writes {"style", "lang", "bibliography": [one text entry per item, in the style's
// order, with its item id], "citations": [[ids], text]}. The citations are made one by
// one with makeCitationCluster (every cite a first cite), or, with --document, as a
// document's in-text citations added in order with processCitationCluster, as Zotero
// makes them (later cites subsequent; a collapsing style groups one author's cites).
// Used only to rebuild test fixtures; cslkit never runs node.
"use strict";
const fs = require("fs");
const path = require("path");
const CSL = require("citeproc");

const asDocument = process.argv.includes("--document");
const [corpusPath, stylePath, localesDir, outPath, lang = "en-US"] =
  process.argv.slice(2).filter((arg) => arg !== "--document");
const items = JSON.parse(fs.readFileSync(corpusPath, "utf8"));
const byId = new Map(items.map((item) => [item.id, item]));
const style = fs.readFileSync(stylePath, "utf8");

const sys = {
  retrieveLocale: (code) => {
    const file = path.join(localesDir, `locales-${code}.xml`);
    return fs.existsSync(file) ? fs.readFileSync(file, "utf8") : false;
  },
  retrieveItem: (id) => byId.get(id),
};

function bibliography() {
  const engine = new CSL.Engine(sys, style, lang, true);
  engine.setOutputFormat("text");
  engine.updateItems(items.map((item) => item.id));
  const [params, entries] = engine.makeBibliography();
  return entries.map((entry, i) => [params.entry_ids[i][0], entry.trim()]);
}

function citations() {
  // Clusters cite items in a fixed, varied order; numbers follow first citation.
  const engine = new CSL.Engine(sys, style, lang, true);
  engine.setOutputFormat("text");
  const ids = items.map((item) => item.id);
  const clusters = [];
  for (let start = 0; start + 6 < Math.min(ids.length, 120); start += 7) {
    clusters.push([ids[start], ids[start + 1], ids[start + 2], ids[start + 4]]);
    clusters.push([ids[start + 3]]);
    clusters.push([ids[start + 6], ids[start + 5], ids[start]]);
  }
  if (asDocument) {
    // an edit may reprint earlier citations (disambiguation): keep each one's last text
    const texts = {};
    const before = [];
    clusters.forEach((cluster, index) => {
      const citation = { citationID: `C${index}`, citationItems: cluster.map((id) => ({ id })),
                         properties: { noteIndex: 0 } };
      const [, updated] = engine.processCitationCluster(citation, before.slice(), []);
      for (const [, text, id] of updated) texts[id] = text;
      before.push([`C${index}`, 0]);
    });
    return clusters.map((cluster, index) => [cluster, texts[`C${index}`]]);
  }
  engine.updateItems([...new Set(clusters.flat())]);
  return clusters.map((cluster) => [
    cluster,
    engine.makeCitationCluster(cluster.map((id) => ({ id }))),
  ]);
}

const result = {
  style: path.basename(stylePath, ".csl"),
  lang,
  ...(asDocument ? { citations_made_by: "processCitationCluster" } : {}),
  bibliography: bibliography(),
  citations: citations(),
};
fs.writeFileSync(outPath, JSON.stringify(result, null, 1) + "\n");
console.log(`wrote ${result.bibliography.length} entries and ${result.citations.length} citations to ${outPath}`);
