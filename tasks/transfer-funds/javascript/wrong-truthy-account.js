function transferFunds(accounts, request) {
  const { from, to, amountCents } = request;
  if (!Number.isInteger(amountCents) || amountCents <= 0) {
    return { code: 60001, message: 'Invalid amount' };
  }
  if (!accounts[from] || !accounts[to]) {
    return { code: 60002, message: 'Account not found' };
  }
  if (from === to) {
    return { code: 60003, message: 'Cannot transfer to same account' };
  }
  if (accounts[from] < amountCents) {
    return { code: 60004, message: 'Insufficient funds' };
  }
  accounts[from] -= amountCents;
  accounts[to] += amountCents;
  return { code: 0, fromBalance: accounts[from], toBalance: accounts[to] };
}

module.exports = { transferFunds };
