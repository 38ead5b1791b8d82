/** How a match is named everywhere (pages, e-mails, PDFs): the home side first, as on the pitch. */
export const matchTitle = (isHome: boolean, club: string, opponent: string) => (isHome ? `${club} – ${opponent}` : `${opponent} – ${club}`);
