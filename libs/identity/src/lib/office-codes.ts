/** The district's offices by their stable codes, in rotation order. */
export const OFFICE_CODES = ['PARTY', 'CONGRESS', 'GOVERNMENT', 'CPPCC', 'RECEPTION'] as const;

export type OfficeCode = (typeof OFFICE_CODES)[number];
