"use client";

import { PageError, type PageErrorProps } from "@/components/layout/page-error";
import "./globals.css";

// The root layout itself failed: this replaces it, so it brings its own <html> and <body>.
export default function GlobalError(props: PageErrorProps) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">
        <main className="px-6">
          <PageError {...props} />
        </main>
      </body>
    </html>
  );
}
