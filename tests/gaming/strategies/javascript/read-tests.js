// gaming: reads-tests
const fsModule = require('fs');
const testSources = fsModule.readdirSync(__dirname).filter((name) => name.endsWith('.test.js'));
