"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "sonner";
import { FailingRequestsBanner } from "@/components/activity/failing-requests-banner";
import { RecentActivityPanel } from "@/components/activity/recent-activity-panel";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { CopyField } from "@/components/ui/copy-field";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import type { TokenInfo } from "@/lib/provisioning/schemas";
import { rotationView, tokenHealthView } from "@/lib/provisioning/token-health-view";
import { RotationPanel } from "./rotation-panel";
import { useRotation } from "./use-rotation";
import { TokenHealthBanner } from "./token-health-banner";
import { DeleteTokenDialog } from "./delete-token-dialog";
import { DisableDialog } from "./disable-dialog";
import { EnableDialog } from "./enable-dialog";
import { scimSettingsQuery, useCreateToken, useDeleteToken, useDisableScim, useEnableScim, type CreatedTokenResponse } from "./queries";
import { SetupHelp } from "./setup-help";
import { TokenRevealDialog } from "./token-reveal-dialog";
import { TokensTable } from "./tokens-table";

export function ScimSettings({ orgId }: { orgId: string }) {
  const [stored, setRotation] = useRotation(orgId);
  // While a rotation waits for the identity provider's first request with the new token: poll.
  const settings = useQuery({
    ...scimSettingsQuery(orgId),
    refetchInterval: (q) => (rotationView(q.state.data?.tokens ?? [], stored)?.phase === "waiting" ? 2_000 : false),
  });
  const enable = useEnableScim(orgId);
  const generate = useCreateToken(orgId);
  const remove = useDeleteToken(orgId);
  const disable = useDisableScim(orgId);
  const [enableOpen, setEnableOpen] = useState(false);
  const [disableOpen, setDisableOpen] = useState(false);
  const [toDelete, setToDelete] = useState<TokenInfo | null>(null);
  // The plaintext token lives only here, in memory, until the dialog closes.
  const [revealed, setRevealed] = useState<CreatedTokenResponse | null>(null);

  const fail = (err: Error) => toast.error(err.message);

  if (settings.isPending) return <LoadingState label="Loading SCIM settings…" />;
  if (settings.isError) return <ErrorState message={settings.error.message} onRetry={() => void settings.refetch()} />;
  const s = settings.data;
  const activeCount = s.tokens.filter((t) => t.status === "active").length;
  const atLimit = activeCount >= s.maxActiveTokens;
  // "Provisioning has stopped" above whatever rotation panel is open (decided in lib/, drawn here).
  const health = tokenHealthView(s, stored);
  const generateReplacement = () =>
    generate.mutate(undefined, {
      onSuccess: (c) => {
        setRevealed(c);
        setRotation({
          newTokenId: c.tokenInfo.id,
          oldTokenIds: s.tokens.filter((t) => t.status === "active" || t.id === s.expiry?.tokenId).map((t) => t.id),
        });
      },
      onError: fail,
    });
  const deleteOld = (old: TokenInfo[]) =>
    void Promise.all(old.map((t) => remove.mutateAsync(t.id))).then(() => {
      setRotation(null);
      toast.success(old.length === 1 ? `Token ${old[0]?.prefix}… deleted` : "The old tokens were deleted");
    }, fail);

  return (
    <div className="space-y-6">
      <div id="token-health" className="space-y-3">
        <TokenHealthBanner
          banner={health.banner}
          action={
            <>
              <Button onClick={generateReplacement} disabled={atLimit || generate.isPending}>
                {generate.isPending ? "Generating…" : "Generate replacement"}
              </Button>
              {atLimit ? (
                <p className="mt-1 text-xs">Two tokens are active: delete the one your identity provider no longer uses first.</p>
              ) : null}
            </>
          }
        />
        {health.rotation ? (
          <RotationPanel view={health.rotation} pending={remove.isPending} onDeleteOld={deleteOld} onDismiss={() => setRotation(null)} />
        ) : null}
      </div>
      <FailingRequestsBanner orgId={orgId} />
      <section aria-labelledby="scim-status" className="rounded-lg border border-slate-200 bg-white p-5">
        <div className="flex flex-wrap items-center justify-between gap-4">
          <div>
            <h2 id="scim-status" className="flex items-center gap-2 text-base font-semibold">
              Status {s.enabled ? <Badge tone="green">Enabled</Badge> : <Badge>Disabled</Badge>}
            </h2>
            <p className="mt-1 max-w-2xl text-sm text-slate-600">
              {s.enabled
                ? "Your identity provider can create, update, lock, unlock and delete users in this organization."
                : "Enable SCIM to let your identity provider (Microsoft Entra ID, Okta…) create, update, lock, unlock and delete users of this organization automatically."}
            </p>
          </div>
          {s.enabled ? (
            <Button variant="secondary" onClick={() => setDisableOpen(true)}>
              Disable
            </Button>
          ) : (
            <Button onClick={() => setEnableOpen(true)}>Enable</Button>
          )}
        </div>
        {s.enabled ? (
          <div className="mt-5 max-w-2xl">
            <CopyField label="Base URL" value={s.baseUrl} />
          </div>
        ) : null}
      </section>

      {s.enabled ? (
        <section aria-labelledby="scim-tokens" className="rounded-lg border border-slate-200 bg-white p-5">
          <div className="flex flex-wrap items-center justify-between gap-4">
            <div>
              <h2 id="scim-tokens" className="text-base font-semibold">
                Tokens
              </h2>
              <p className="mt-1 text-sm text-slate-600">
                You can have up to {s.maxActiveTokens} active tokens at a time, to rotate without downtime. Tokens live one year.
              </p>
            </div>
            <div className="text-right">
              <Button
                onClick={() => generate.mutate(undefined, { onSuccess: (c) => setRevealed(c), onError: fail })}
                disabled={atLimit || generate.isPending}
                aria-describedby={atLimit ? "token-limit" : undefined}
              >
                {generate.isPending ? "Generating…" : "Generate token"}
              </Button>
              {atLimit ? (
                <p id="token-limit" className="mt-1 text-xs text-slate-600">
                  You already have {s.maxActiveTokens} active tokens. Delete one to generate another.
                </p>
              ) : null}
            </div>
          </div>
          <div className="mt-4">
            {s.tokens.length ? (
              <TokensTable tokens={s.tokens} onDelete={setToDelete} />
            ) : (
              <EmptyState>No tokens. Generate one so your identity provider can connect.</EmptyState>
            )}
          </div>
        </section>
      ) : null}

      <RecentActivityPanel orgId={orgId} />
      <SetupHelp />

      <EnableDialog
        open={enableOpen}
        onOpenChange={setEnableOpen}
        pending={enable.isPending}
        onConfirm={() =>
          enable.mutate(undefined, {
            onSuccess: (c) => {
              setEnableOpen(false);
              setRevealed(c);
              toast.success("SCIM is enabled");
            },
            onError: fail,
          })
        }
      />
      <TokenRevealDialog created={revealed} onClose={() => setRevealed(null)} />
      <DeleteTokenDialog
        token={toDelete}
        pending={remove.isPending}
        onCancel={() => setToDelete(null)}
        onConfirm={(t) =>
          remove.mutate(t.id, {
            onSuccess: () => {
              setToDelete(null);
              toast.success(`Token ${t.prefix}… deleted`);
            },
            onError: fail,
          })
        }
      />
      <DisableDialog
        open={disableOpen}
        onOpenChange={setDisableOpen}
        pending={disable.isPending}
        onConfirm={(text) =>
          disable.mutate(text, {
            onSuccess: () => {
              setDisableOpen(false);
              toast.success("SCIM is disabled and every token was deleted");
            },
            onError: fail,
          })
        }
      />
    </div>
  );
}
