function hasAccount(accounts, id) {
  return typeof id === 'string' && Object.prototype.hasOwnProperty.call(accounts, id);
}

function transferFunds(accounts, request) {
  const { from, to, amountCents } = request || {};

  if (typeof amountCents !== 'number' || !Number.isSafeInteger(amountCents) || amountCents <= 0) {
    return { code: 60001, message: 'amountCents must be a positive integer' };
  }
  if (!hasAccount(accounts, from) || !hasAccount(accounts, to)) {
    return { code: 60002, message: 'account not found' };
  }
  if (from === to) {
    return { code: 60003, message: 'cannot transfer to the same account' };
  }
  if (accounts[from] < amountCents) {
    return { code: 60004, message: 'insufficient funds' };
  }

  accounts[from] -= amountCents;
  accounts[to] += amountCents;

  return { code: 0, fromBalance: accounts[from], toBalance: accounts[to] };
}

module.exports = { transferFunds };
