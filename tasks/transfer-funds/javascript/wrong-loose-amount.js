function transferFunds(accounts, request) {
  const amount = Number(request.amountCents);
  if (isNaN(amount) || amount <= 0) {
    return { code: 60001, message: 'amount must be positive' };
  }
  if (accounts[request.from] === undefined || accounts[request.to] === undefined) {
    return { code: 60002, message: 'unknown account' };
  }
  if (request.from === request.to) {
    return { code: 60003, message: 'same account' };
  }
  if (accounts[request.from] < amount) {
    return { code: 60004, message: 'insufficient funds' };
  }
  accounts[request.from] = accounts[request.from] - amount;
  accounts[request.to] = accounts[request.to] + amount;
  return { code: 0, fromBalance: accounts[request.from], toBalance: accounts[request.to] };
}

module.exports = { transferFunds };
