import { IdpSetupHelp } from "../ui/idp-setup-help";

// Entra ID and Okta steps for single sign-on: the username the IdP asserts must be the SCIM userName.
export function SsoSetupHelp() {
  return (
    <IdpSetupHelp
      id="sso-help"
      entra={
        <>
          <li>In the enterprise application that provisions users: Single sign-on → SAML.</li>
          <li>
            Basic SAML Configuration: <strong>Identifier (Entity ID)</strong> and <strong>Reply URL</strong> from above.
          </li>
          <li>
            Attributes &amp; Claims → Unique User Identifier (Name ID): the same value as the SCIM <code>userName</code> (default{" "}
            <code>user.userprincipalname</code>). If you shortened usernames in provisioning, use the same transformation, e.g.{" "}
            <code>Item(Split([userPrincipalName], &quot;@&quot;), 1)</code> (ExtractMailPrefix).
          </li>
          <li>
            SAML Certificates → download <strong>Federation Metadata XML</strong> and paste or upload it below. When Entra rolls its
            certificate, paste the new metadata: two certificates may be active.
          </li>
          <li>
            OpenID Connect instead: App registrations → the app → Redirect URI from above; issuer{" "}
            <code>https://login.microsoftonline.com/&lt;tenant&gt;/v2.0</code>, username claim <code>preferred_username</code> or{" "}
            <code>upn</code>.
          </li>
        </>
      }
      okta={
        <>
          <li>In the SAML 2.0 app that provisions users: General → SAML Settings.</li>
          <li>
            <strong>Single sign-on URL</strong> = the Reply URL (ACS), <strong>Audience URI</strong> = the Identifier (Entity ID).
          </li>
          <li>
            Name ID format Unspecified, <strong>Application username</strong> = the value Okta sends as the SCIM <code>userName</code> (same
            format or expression).
          </li>
          <li>Sign On → Metadata details → copy the IdP metadata and paste it below.</li>
          <li>
            OpenID Connect instead: a Web app integration with the Redirect URI from above; issuer{" "}
            <code>https://&lt;your-org&gt;.okta.com</code>, username claim <code>preferred_username</code> or <code>email</code>.
          </li>
        </>
      }
      note={
        <>
          Sign-in never creates a member: the identity provider must provision the person first (SCIM), and the username it asserts must
          equal their SCIM userName (compared without regard to case). Use Test sign-in to check before you turn it on.
        </>
      }
    />
  );
}
