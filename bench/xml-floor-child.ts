/**
 * The import's parse floor: the same file merely streamed through the XML
 * parser (the importer's own reader, collecting nothing), in a process of its
 * own like the import it is compared with.
 * Usage: node dist/bench/xml-floor-child.js FILE → `{ "ms", "cpuMs" }` of the read.
 */
import { readXml } from '../server/import/xml-reader.js';

const started = performance.now();
await readXml(process.argv[2]!, { open: () => false, close: () => undefined }, () => undefined);
const cpu = process.cpuUsage();
console.log(JSON.stringify({ ms: Math.round(performance.now() - started), cpuMs: Math.round((cpu.user + cpu.system) / 1000) }));
