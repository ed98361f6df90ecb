/** Member name/email columns with their lower-cased twins (for case-insensitive search and uniqueness). */
export function profileColumns(userName: string, givenName: string, familyName: string, email: string = userName) {
  const displayName = `${givenName} ${familyName}`;
  return {
    userName,
    userNameLower: userName.toLowerCase(),
    email,
    emailLower: email.toLowerCase(),
    givenName,
    givenNameLower: givenName.toLowerCase(),
    familyName,
    familyNameLower: familyName.toLowerCase(),
    displayName,
    displayNameLower: displayName.toLowerCase(),
  };
}
