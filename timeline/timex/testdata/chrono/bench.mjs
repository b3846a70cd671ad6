// bench.mjs runs chrono-node over the text BenchmarkFind reads (the seed
// articles, concatenated in file-name order with a blank line after each
// and repeated to just over 4 MiB) and prints its speed in MB/s (10^6
// bytes a second, as go test -bench does) of wall time, and in cpu-MB/s
// of the process's CPU time, to compare with
//
//	go test ./timeline/timex -run '^$' -bench BenchmarkFind -cpu 1
//
// Usage, from this folder: npm install && node bench.mjs [runs]
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import * as chrono from "chrono-node";

const seedsDir = join(import.meta.dirname, "..", "..", "..", "..", "testdata", "seeds");
const names = readdirSync(seedsDir).filter((n) => n.endsWith(".txt")).sort();
const seeds = Buffer.concat(names.flatMap((n) => [readFileSync(join(seedsDir, n)), Buffer.from("\n\n")]));
const copies = Math.floor((4 << 20) / seeds.length) + 1;
const bytes = Buffer.concat(Array(copies).fill(seeds));
const text = bytes.toString("utf8");

const runs = Number(process.argv[2] ?? 3);
const ref = new Date(Date.UTC(2023, 4, 24));
chrono.parse(seeds.toString("utf8"), ref); // warm up
const version = JSON.parse(readFileSync(join(import.meta.dirname, "node_modules", "chrono-node", "package.json"))).version;
let best = Infinity;
let bestCPU = Infinity;
let found = 0;
for (let i = 0; i < runs; i++) {
  const t0 = process.hrtime.bigint();
  const c0 = process.cpuUsage();
  found = chrono.parse(text, ref).length;
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const c = process.cpuUsage(c0);
  const cpu = (c.user + c.system) / 1e6;
  best = Math.min(best, wall);
  bestCPU = Math.min(bestCPU, cpu);
  console.log(`run ${i + 1}: ${wall.toFixed(2)} s wall, ${cpu.toFixed(2)} s CPU`);
}
console.log(`chrono-node ${version} on Node ${process.version}: ${bytes.length} bytes, ${found} results, ` +
  `best ${best.toFixed(2)} s, ${(bytes.length / 1e6 / best).toFixed(2)} MB/s, ` +
  `${(bytes.length / 1e6 / bestCPU).toFixed(2)} cpu-MB/s`);
