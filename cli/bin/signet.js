#!/usr/bin/env node
'use strict';
// Entry of the `signet` command; the program lives in ../dist (build with `npx tsc -b cli`).
const { main } = require('../dist/main.js');

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
