import { IdpSetupHelp } from "../ui/idp-setup-help";

// Short IdP setup notes, following the reference documentation's steps.
export function SetupHelp() {
  return (
    <IdpSetupHelp
      id="setup-help"
      entra={
        <>
          <li>Enterprise applications → New application → Create your own application (non-gallery).</li>
          <li>
            Provisioning → Connect your application: <strong>Tenant URL</strong> = the base URL, <strong>Secret token</strong> = the SCIM
            token (bearer authentication).
          </li>
          <li>
            Attribute mapping → Provision Microsoft Entra ID Groups → Enabled: <strong>Yes</strong>. Assign the groups to the application;
            their members are provisioned with them, and the groups appear on the Groups page, where they can be mapped to the IAM
            permission.
          </li>
          <li>
            Provision Microsoft Entra ID Users → delete the <code>name.formatted</code> mapping: the display name is built from the given
            and family names.
          </li>
          <li>
            Optional: to drop the domain from usernames, edit <code>userName</code> → Expression:{" "}
            <code>Item(Split([userPrincipalName], &quot;@&quot;), 1)</code>.
          </li>
        </>
      }
      okta={
        <>
          <li>Create a SAML or SWA app integration and enable SCIM provisioning on its General tab.</li>
          <li>
            Provisioning → Integration: <strong>SCIM connector base URL</strong> = the base URL, unique identifier field ={" "}
            <code>userName</code>, authentication mode = <strong>HTTP Header</strong> with the SCIM token as the bearer token.
          </li>
          <li>Enable Push New Users, Push Profile Updates and Push User Deactivation.</li>
          <li>
            <strong>Push Groups</strong> tab → Push Groups → find the groups to push (by name or rule); their memberships follow. Pushed
            groups appear on the Groups page, where they can be mapped to the IAM permission.
          </li>
        </>
      }
      note={
        <>
          Users are matched by username: existing members are managed by SCIM only when the identity provider&apos;s userName matches
          theirs. Members the identity provider never names are not affected. Changes can take from a few seconds to 40 minutes to arrive,
          depending on the provider.
        </>
      }
    />
  );
}
