/** The reporting lines as a forest: people without a (known) manager at the top, reports under their manager. */
export interface TreeNode<P extends TreePerson = TreePerson> {
  person: P;
  reports: TreeNode<P>[];
}

export interface TreePerson {
  id?: string;
  name?: string;
  managerId?: string | null;
}

export function buildTree<P extends TreePerson>(people: P[]): TreeNode<P>[] {
  const nodes = new Map<string, TreeNode<P>>();
  for (const person of people) if (person.id) nodes.set(person.id, { person, reports: [] });
  const roots: TreeNode<P>[] = [];
  for (const node of nodes.values()) {
    const manager = node.person.managerId ? nodes.get(node.person.managerId) : undefined;
    // a manager outside the list, or a line that loops back, puts the person at the top rather than nowhere
    if (manager && !reportsTo(manager, node.person.id!, nodes)) manager.reports.push(node);
    else roots.push(node);
  }
  const byName = (a: TreeNode<P>, b: TreeNode<P>) => (a.person.name ?? '').localeCompare(b.person.name ?? '');
  const sort = (list: TreeNode<P>[]) => { list.sort(byName); list.forEach((n) => sort(n.reports)); };
  sort(roots);
  return roots;
}

/** Whether `node`'s own line of managers reaches `id` (so hanging the person under it would loop). */
function reportsTo<P extends TreePerson>(node: TreeNode<P>, id: string, nodes: Map<string, TreeNode<P>>): boolean {
  const seen = new Set<string>();
  let current: TreeNode<P> | undefined = node;
  while (current?.person.id && !seen.has(current.person.id)) {
    if (current.person.id === id) return true;
    seen.add(current.person.id);
    current = current.person.managerId ? nodes.get(current.person.managerId) : undefined;
  }
  return false;
}
