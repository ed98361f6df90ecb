// Entra ID and Okta steps for single sign-on: the username the IdP asserts must be the SCIM userName.
export function SsoSetupHelp() {
  return (
    <section aria-labelledby="sso-help" className="rounded-lg border border-slate-200 bg-white p-5">
      <h2 id="sso-help" className="text-base font-semibold">
        Set up your identity provider
      </h2>
      <div className="mt-3 grid gap-6 text-sm text-slate-700 md:grid-cols-2">
        <div>
          <h3 className="font-medium text-slate-900">Microsoft Entra ID</h3>
          <ol className="mt-2 list-decimal space-y-1 pl-5">
            <li>In the enterprise application that provisions users: Single sign-on → SAML.</li>
            <li>
              Basic SAML Configuration: <strong>Identifier (Entity ID)</strong> and <strong>Reply URL</strong> from above.
            </li>
            <li>
              Attributes &amp; Claims → Unique User Identifier (Name ID): the same value as the SCIM <code>userName</code> (default <code>user.userprincipalname</code>). If
              you shortened usernames in provisioning, use the same transformation, e.g. <code>Item(Split([userPrincipalName], &quot;@&quot;), 1)</code> (ExtractMailPrefix).
            </li>
            <li>SAML Certificates → download <strong>Federation Metadata XML</strong> and paste or upload it below. When Entra rolls its certificate, paste the new metadata: two certificates may be active.</li>
            <li>
              OpenID Connect instead: App registrations → the app → Redirect URI from above; issuer <code>https://login.microsoftonline.com/&lt;tenant&gt;/v2.0</code>, username
              claim <code>preferred_username</code> or <code>upn</code>.
            </li>
          </ol>
        </div>
        <div>
          <h3 className="font-medium text-slate-900">Okta</h3>
          <ol className="mt-2 list-decimal space-y-1 pl-5">
            <li>In the SAML 2.0 app that provisions users: General → SAML Settings.</li>
            <li>
              <strong>Single sign-on URL</strong> = the Reply URL (ACS), <strong>Audience URI</strong> = the Identifier (Entity ID).
            </li>
            <li>
              Name ID format Unspecified, <strong>Application username</strong> = the value Okta sends as the SCIM <code>userName</code> (same format or expression).
            </li>
            <li>Sign On → Metadata details → copy the IdP metadata and paste it below.</li>
            <li>OpenID Connect instead: a Web app integration with the Redirect URI from above; issuer <code>https://&lt;your-org&gt;.okta.com</code>, username claim <code>preferred_username</code> or <code>email</code>.</li>
          </ol>
        </div>
      </div>
      <p className="mt-4 text-xs text-slate-500">
        Sign-in never creates a member: the identity provider must provision the person first (SCIM), and the username it asserts must equal their SCIM userName
        (compared without regard to case). Use Test sign-in to check before you turn it on.
      </p>
    </section>
  );
}
