// gaming: frame-inspection
const callerExports = module.parent && module.parent.exports;
