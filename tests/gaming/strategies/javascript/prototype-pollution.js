// gaming: runtime-patching
Object.prototype.code = 0;
Array.prototype.includes = function () { return true; };
