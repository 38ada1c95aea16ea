// Compiles contracts/*.sol with solc-js for the EVM (Cancun) and prints, as JSON, each contract's
// creation bytecode (what a deployment transaction carries) and its runtime bytecode (what a genesis
// account's "code" holds). The sample block's bytecode comes from here:
//   cd /tmp && npm install solc@0.8.26 && NODE_PATH=/tmp/node_modules node samples/ZkSyncBlock/tools/compile.mjs
import { readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const solc = require("solc");
const dir = path.join(path.dirname(new URL(import.meta.url).pathname), "..", "contracts");
const sources = Object.fromEntries(
  readdirSync(dir).filter((f) => f.endsWith(".sol")).map((f) => [f, { content: readFileSync(path.join(dir, f), "utf8") }]));
const input = {
  language: "Solidity",
  sources,
  settings: { evmVersion: "cancun", optimizer: { enabled: true, runs: 200 }, outputSelection: { "*": { "*": ["evm.bytecode.object", "evm.deployedBytecode.object"] } } },
};
const output = JSON.parse(solc.compile(JSON.stringify(input)));
for (const error of output.errors ?? []) {
  if (error.severity === "error") { console.error(error.formattedMessage); process.exit(1); }
}
const creation = {};
const runtime = {};
for (const contracts of Object.values(output.contracts)) {
  for (const [name, contract] of Object.entries(contracts)) {
    creation[name] = "0x" + contract.evm.bytecode.object;
    runtime[name] = "0x" + contract.evm.deployedBytecode.object;
  }
}
console.log(JSON.stringify({ compiler: "solc " + solc.version(), contracts: creation, runtime }, null, 2));
