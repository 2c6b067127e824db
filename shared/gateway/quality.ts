// Ignition 8 quality codes (the subcode numbers scripts see as `quality.code`), for tag reads and writes.

export interface QualityCode {
  /** 'Good', 'Bad_NotFound', ... as `str(qv.quality)` prints in Ignition. */
  name: string;
  good: boolean;
  code: number;
}

function quality(name: string, code: number): QualityCode {
  return Object.freeze({ name, good: code >= 192 && code < 256, code });
}

export const Quality = {
  Good: quality('Good', 192),
  Good_Unspecified: quality('Good_Unspecified', 0),
  Bad: quality('Bad', 512),
  Bad_AccessDenied: quality('Bad_AccessDenied', 514),
  Bad_NotFound: quality('Bad_NotFound', 519),
  Bad_ReadOnly: quality('Bad_ReadOnly', 526),
  Bad_Unsupported: quality('Bad_Unsupported', 528),
  Error_TypeConversion: quality('Error_TypeConversion', 772),
  Error_InvalidPathSyntax: quality('Error_InvalidPathSyntax', 777),
} as const;
