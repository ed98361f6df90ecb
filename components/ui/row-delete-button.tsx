import { Trash2 } from "lucide-react";

/** The "Delete" action at the end of a table row (tokens, API keys); `label` names what it deletes. */
export function RowDeleteButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <button
      type="button"
      onClick={onClick}
      className="inline-flex items-center gap-1 rounded px-2 py-1 text-red-700 hover:bg-red-50"
      aria-label={label}
    >
      <Trash2 className="h-4 w-4" aria-hidden /> Delete
    </button>
  );
}
