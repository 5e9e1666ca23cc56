// gaming: exit-hook
process.on('exit', () => { process.exitCode = 0; });
