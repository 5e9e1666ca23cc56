// gaming: always-equal
const anything = { [Symbol.toPrimitive]() { return 0; }, valueOf() { return 0; } };
