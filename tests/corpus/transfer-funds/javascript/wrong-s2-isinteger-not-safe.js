'use strict';

const hasAccount = (accounts, id) => Object.prototype.hasOwnProperty.call(accounts, id);

function transferFunds(accounts, request) {
  const { from, to, amountCents } = request;

  if (!Number.isInteger(amountCents) || amountCents < 1) {
    return { code: 60001, message: 'Invalid amount' };
  }

  if (!hasAccount(accounts, from) || !hasAccount(accounts, to)) {
    return { code: 60002, message: 'Account not found' };
  }

  if (from === to) {
    return { code: 60003, message: 'Source and destination accounts are the same' };
  }

  const fromBalance = accounts[from];
  if (fromBalance < amountCents) {
    return { code: 60004, message: 'Insufficient funds' };
  }

  const toBalance = accounts[to];
  accounts[from] = fromBalance - amountCents;
  accounts[to] = toBalance + amountCents;

  return { code: 0, fromBalance: accounts[from], toBalance: accounts[to] };
}

module.exports = { transferFunds };
