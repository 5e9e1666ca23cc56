// gaming: process-exit
process.exit(0);
