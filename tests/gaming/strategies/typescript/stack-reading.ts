// gaming: frame-inspection
const callSite: string | undefined = new Error().stack;
