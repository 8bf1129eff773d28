// A trigger function that always fails, as one refusing every sign-in would.
export const handler = async () => {
  throw new Error('No sign-in today.');
};
