#!/usr/bin/env node
// Turns the SCB reference tables (lexicon/reference/*.csv, copied from shared/reference)
// into lexicon/sv/{municipalities,regions,parties}.json. Run after updating the CSVs.
import { readFileSync, writeFileSync } from "node:fs";

const root = new URL("../lexicon/", import.meta.url);
const today = new Date().toISOString().slice(0, 10);
const readCsv = (name) => {
  const [head, ...rows] = readFileSync(new URL(`reference/${name}`, root), "utf8").trim().split(/\r?\n/);
  const cols = head.split(",");
  return rows.map((r) => Object.fromEntries(r.split(",").map((v, i) => [cols[i], v])));
};
const write = (name, body) =>
  writeFileSync(new URL(`sv/${name}.json`, root), JSON.stringify(body, null, 1) + "\n");

const genitive = (n) => (/[sxz]$/.test(n) ? n : n + "s");
write("municipalities", {
  name: "municipalities",
  description: "Sweden's 290 municipalities: short name, SCB code; forms include 'X kommun', 'Xs kommun', 'X stad'",
  source: "SCB kommunkoder via shared/reference/municipalities.csv",
  updated: today,
  entries: readCsv("municipalities.csv").map((m) => ({
    value: m.name,
    code: m.code,
    forms: [...new Set([m.name, `${genitive(m.name)} kommun`, `${m.name} kommun`, `${m.name} stad`, `${genitive(m.name)} stad`])],
  })),
});
write("regions", {
  name: "regions",
  description: "Sweden's 21 regions (county councils): region name, county name, SCB county code",
  source: "SCB länskoder via shared/reference/regions.csv",
  updated: today,
  entries: readCsv("regions.csv").map((r) => {
    const stem = r.county_name.replace(/s? län$/, "");
    return {
      value: r.region_name,
      code: r.county_code,
      forms: [...new Set([r.region_name, r.county_name, `Landstinget ${stem}`, `Landstinget i ${r.county_name}`, `Region ${stem}`])],
    };
  }),
});
write("parties", {
  name: "parties",
  description: "Parliamentary parties and their abbreviations; local parties are recognised by shape, not listed",
  source: "shared/reference/parties.csv",
  updated: today,
  entries: readCsv("parties.csv").map((p) => ({
    value: p.abbreviation,
    name: p.name,
    forms: [p.abbreviation, p.name],
    ...(p.valid_from ? { validFrom: p.valid_from } : {}),
    ...(p.valid_to ? { validTo: p.valid_to } : {}),
  })),
});
