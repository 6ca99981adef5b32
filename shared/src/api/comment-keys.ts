/** A cell's key in comments and links: `<levelId>:<competencyId>`. */
export const CELL_KEY_PATTERN = '^[^:\\s]{1,64}:[^:\\s]{1,64}$';
