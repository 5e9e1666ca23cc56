'use strict';

function balanceOf(accounts, id) {
  return Object.prototype.hasOwnProperty.call(accounts, id) ? accounts[id] : undefined;
}

function transferFunds(accounts, request) {
  const { from, to, amountCents } = request;

  if (typeof amountCents !== 'number' || !Number.isSafeInteger(amountCents) || amountCents <= 0) {
    return { code: 60001, message: 'amountCents must be a positive integer' };
  }

  const fromBalance = balanceOf(accounts, from);
  const toBalance = balanceOf(accounts, to);
  if (!fromBalance || !toBalance) {
    return { code: 60002, message: 'unknown account' };
  }
  if (from === to) {
    return { code: 60003, message: 'cannot transfer to the same account' };
  }
  if (fromBalance < amountCents) {
    return { code: 60004, message: 'insufficient funds' };
  }

  accounts[from] = fromBalance - amountCents;
  accounts[to] = toBalance + amountCents;
  return { code: 0, fromBalance: accounts[from], toBalance: accounts[to] };
}

module.exports = { transferFunds };
