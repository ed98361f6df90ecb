"use client";

import { Search } from "lucide-react";
import { useEffect, useEffectEvent, useId, useState } from "react";

/** A search field that reports what was typed once typing pauses, not on every key. */
export function SearchBox({
  label,
  placeholder,
  value,
  onSearch,
}: {
  label: string;
  placeholder: string;
  value: string;
  onSearch: (q: string) => void;
}) {
  const id = useId();
  const [text, setText] = useState(value);
  const [shown, setShown] = useState(value);
  // The URL changed on its own (Back button, "Clear filters"): show what it says.
  if (value !== shown) {
    setShown(value);
    setText(value);
  }
  const report = useEffectEvent((q: string) => onSearch(q));

  useEffect(() => {
    if (text.trim() === value.trim()) return;
    const timer = setTimeout(() => report(text.trim()), 300);
    return () => clearTimeout(timer);
  }, [text, value]);

  return (
    <div className="min-w-64 flex-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <div className="relative mt-1">
        <Search className="pointer-events-none absolute top-2.5 left-2.5 h-4 w-4 text-slate-400" aria-hidden />
        <input
          id={id}
          type="search"
          value={text}
          placeholder={placeholder}
          onChange={(e) => setText(e.target.value)}
          className="w-full rounded-md border border-slate-300 bg-white py-2 pr-3 pl-8 text-sm"
        />
      </div>
    </div>
  );
}

export function SelectField<T extends string>({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: T;
  options: readonly (readonly [T, string])[];
  onChange: (v: T) => void;
}) {
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <select
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value as T)}
        className="mt-1 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
      >
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}
