// Types of manifest.mjs for the tests that read it.
export interface ContentScript {
  matches: string[];
  js: string[];
  run_at: string;
  world?: 'MAIN';
}

export interface Manifest {
  manifest_version: 3;
  name: string;
  version: string;
  devtools_page: string;
  content_scripts: ContentScript[];
  content_security_policy: { extension_pages: string };
  permissions?: string[];
  background: { service_worker?: string; scripts?: string[] };
  browser_specific_settings?: { gecko: { id: string; strict_min_version: string } };
  key?: string;
}

export function manifest(browser: 'chrome' | 'firefox', version: string): Manifest;
