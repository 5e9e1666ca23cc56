function transferFunds(accounts, request) {
  const amount = request.amountCents;
  if (typeof amount !== 'number' || amount <= 0 || Math.floor(amount) !== amount) {
    return { code: 60001, message: 'invalid amount' };
  }
  if (!(request.from in accounts) || !(request.to in accounts)) {
    return { code: 60002, message: 'unknown account' };
  }
  if (request.from === request.to) {
    return { code: 60003, message: 'same account' };
  }
  accounts[request.from] -= amount;
  if (accounts[request.from] < 0) {
    return { code: 60004, message: 'insufficient funds' };
  }
  accounts[request.to] += amount;
  return { code: 0, fromBalance: accounts[request.from], toBalance: accounts[request.to] };
}

module.exports = { transferFunds };
