// Preload (-r): report every V8 flag the process sets at run time on stderr, then set it.
const v8 = require('node:v8');
const setFlags = v8.setFlagsFromString;
v8.setFlagsFromString = (flags) => {
  process.stderr.write(`v8-flag ${flags}\n`);
  setFlags(flags);
};
