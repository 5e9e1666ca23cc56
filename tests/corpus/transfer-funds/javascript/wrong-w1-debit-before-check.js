// A stranger's almost-right solution (written blind from the prompt), one planted bug:
// Line 22 subtracts the amount from the source balance before the insufficient-funds check, and the 60004 return does not undo it.
function fail(code, message) {
  return { code, message };
}

function isAccount(accounts, id) {
  return typeof id === "string" && Object.prototype.hasOwnProperty.call(accounts, id);
}

function transferFunds(accounts, request) {
  const { from, to, amountCents } = request || {};

  if (typeof amountCents !== "number" || !Number.isSafeInteger(amountCents) || amountCents <= 0) {
    return fail(60001, "amountCents must be a positive integer");
  }
  if (!isAccount(accounts, from) || !isAccount(accounts, to)) {
    return fail(60002, "unknown account");
  }
  if (from === to) {
    return fail(60003, "cannot transfer to the same account");
  }

  accounts[from] -= amountCents;
  if (accounts[from] < 0) {
    return fail(60004, "insufficient funds");
  }
  accounts[to] += amountCents;

  return { code: 0, fromBalance: accounts[from], toBalance: accounts[to] };
}

module.exports = { transferFunds };
