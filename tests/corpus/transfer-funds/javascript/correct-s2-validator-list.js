'use strict';

const ERRORS = {
  INVALID_AMOUNT: { code: 60001, message: 'Amount must be a positive safe integer number of cents' },
  UNKNOWN_ACCOUNT: { code: 60002, message: 'Unknown account' },
  SAME_ACCOUNT: { code: 60003, message: 'Source and destination accounts must differ' },
  INSUFFICIENT_FUNDS: { code: 60004, message: 'Insufficient balance' },
};

const exists = (accounts, id) => typeof id === 'string' && Object.hasOwn(accounts, id);

const checks = [
  [({ amountCents }) => Number.isSafeInteger(amountCents) && amountCents > 0, ERRORS.INVALID_AMOUNT],
  [({ from, to }, accounts) => exists(accounts, from) && exists(accounts, to), ERRORS.UNKNOWN_ACCOUNT],
  [({ from, to }) => from !== to, ERRORS.SAME_ACCOUNT],
  [({ from, amountCents }, accounts) => accounts[from] >= amountCents, ERRORS.INSUFFICIENT_FUNDS],
];

function transferFunds(accounts, request) {
  const req = request ?? {};
  const failed = checks.find(([passes]) => !passes(req, accounts));
  if (failed) {
    const [, error] = failed;
    return { ...error };
  }

  const { from, to, amountCents } = req;
  const fromBalance = accounts[from] - amountCents;
  const toBalance = accounts[to] + amountCents;
  accounts[from] = fromBalance;
  accounts[to] = toBalance;
  return { code: 0, fromBalance, toBalance };
}

module.exports = { transferFunds };
