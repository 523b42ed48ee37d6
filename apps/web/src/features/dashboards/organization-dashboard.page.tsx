// Placeholder until the page is built (issue 4).
export function OrganizationDashboardPage() {
  return null;
}
