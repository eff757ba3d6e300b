const GIVEN = ['Maria', 'João', 'Ana', 'José', 'Conceição', 'Manuel', 'Luísa', 'António', 'Filomena', 'Domingos', 'Rosa', 'Albertino', 'Celeste', 'Vicente', 'Graça', 'Nelson'] as const;
const FAMILY = ['Neves', 'Costa', 'Trovoada', 'Pinto', 'Vaz', 'Lima', 'Bragança', 'Sousa', 'Carvalho', 'Espírito Santo', 'Pires', 'Mendes', 'Afonso', 'Quaresma', 'Bandeira', 'Viegas', 'Cravid', 'Boa Morte', 'Ramos', 'Dias'] as const;

/**
 * The name of the `index`-th seeded resident: 320 combinations plus the index as a third word, so a
 * search by two words matches about 1 packet in 320 and a search by the number matches one.
 */
export function residentName(index: number): string {
  return `${GIVEN[index % GIVEN.length]} ${FAMILY[Math.floor(index / GIVEN.length) % FAMILY.length]} N${index}`;
}
