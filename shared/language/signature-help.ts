// Signature help for `system.*` calls: every overload from the API table, the active parameter by position or keyword.
import { findFunction, formatSignature, signatureLabel, type ApiParam } from '../api/index';
import { enclosingCall } from './code-context';
import { pointAt, type FileView } from './file-view';

export interface SignatureParameter {
  label: string;
  documentation?: string;
}

export interface SignatureInfo {
  label: string;
  documentation: string;
  parameters: SignatureParameter[];
  activeParameter: number;
}

export interface SignatureHelp {
  signatures: SignatureInfo[];
  activeSignature: number;
}

export function signatureHelp(view: FileView, fileOffset: number): SignatureHelp | undefined {
  const point = pointAt(view, fileOffset);
  if (!point || point.context.inComment) return undefined;
  const call = enclosingCall(point.context, true);
  const fn = call?.callee ? findFunction(call.callee) : undefined;
  if (!call || !fn) return undefined;
  const signatures = fn.signatures.map((signature): SignatureInfo => {
    const params = signature.params;
    let active = call.keyword ? params.findIndex((p) => p.name === call.keyword) : call.argIndex;
    const varPositional = params.findIndex((p) => p.kind === 'var-positional');
    if (!call.keyword && varPositional !== -1 && active > varPositional) active = varPositional;
    return {
      label: signatureLabel(fn, signature),
      documentation: signature.note ? `${signature.note}. ${fn.doc}` : fn.doc,
      parameters: params.map((p) => ({ label: parameterLabel(p) })),
      activeParameter: active,
    };
  });
  // The overload whose parameters hold the keyword or the position typed so far.
  const fits = signatures.findIndex((s, i) => s.activeParameter >= 0 && s.activeParameter < fn.signatures[i].params.length);
  return { signatures, activeSignature: Math.max(0, fits) };
}

/** `name: type = default`, as the signature label writes it, so editors can find it there. */
function parameterLabel(param: ApiParam): string {
  return formatSignature({ params: [param], returns: 'None' }).replace(/^\(|\) -> None$/g, '');
}
