import { describe, expect, it } from 'vitest';
import { t } from './index.ts';

/** Counts put into sentences read right with 1 (and with 0 where the language says it in the singular). */
describe('counts in sentences', () => {
  it('says one voter, one question, one ballot, one member, one support', () => {
    expect(t('en', 'rounds.quorumLine', { quorum: 0.4, needed: 1 })).toBe(
      'Quorum: 0.4 % of the census, that is 1 voter.',
    );
    expect(t('en', 'rounds.quorumLine', { quorum: 64.4, needed: 161 })).toBe(
      'Quorum: 64.4 % of the census, that is 161 voters.',
    );
    expect(t('en', 'vote.arguments', { for: 2, against: 0, questions: 1 })).toBe(
      'Debate: 2 for, 0 against, 1 question.',
    );
    expect(t('en', 'rounds.methodUsed', { method: 'Borda', ranked: 1 })).toBe(
      'Borda; 1 ballot ranked at least one option.',
    );
    expect(t('en', 'rounds.turnout', { voters: 1, census: 1, percent: 100 })).toBe('1 of 1 member has voted (100 %)');
    expect(t('en', 'rounds.turnout', { voters: 3, census: 5, percent: 60 })).toBe('3 of 5 members have voted (60 %)');
    expect(t('en', 'admin.members.count', { n: 1 })).toBe('1 member');
    expect(t('en', 'register.confirm', { n: 1 })).toBe('Import 1 line');
    expect(t('fr', 'register.confirm', { n: 1 })).toBe('Importer 1 ligne');
    expect(t('es', 'register.confirm', { n: 5 })).toBe('Importar 5 líneas');
    expect(t('en', 'supports.progress', { count: 0, needed: 1 })).toBe('0 of 1 support');
    expect(t('en', 'version.turnout', { ballots: 1, census: 3 })).toBe('1 voter of 3');
    expect(t('en', 'count.abstentionsAside', { abstain: 1 })).toBe('1 abstention, not counted in the percentages.');
    expect(t('en', 'section.invalidContent', { n: 1 })).toContain('holds 1 thing the editor');
    expect(t('en', 'program.supportRuleShare', { value: 5, activeDays: 1, days: 1 })).toBe(
      'Amendments need the support of 5% of the members active in the last 1 day, within 1 day.',
    );
  });

  it('says them in French, where 0 and 1 are singular', () => {
    expect(t('fr', 'rounds.quorumLine', { quorum: 50, needed: 1 })).toBe(
      'Quorum : 50 % du recensement, soit 1 votant·e.',
    );
    expect(t('fr', 'rounds.turnout', { voters: 0, census: 5, percent: 0 })).toBe('0 membre sur 5 a voté (0 %)');
    expect(t('fr', 'vote.arguments', { for: 1, against: 1, questions: 0 })).toBe(
      'Débat : 1 pour, 1 contre, 0 question.',
    );
    expect(t('fr', 'rounds.leftSpoken', { d: 1, h: 0, m: 2 })).toBe('Il reste 1 jour, 0 heure et 2 minutes');
    expect(t('fr', 'section.invalidContent', { n: 1 })).toContain('contient 1 élément que');
    expect(t('fr', 'program.supportRuleShare', { value: 5, activeDays: 30, days: 1 })).toBe(
      'Les amendements ont besoin du soutien de 5 % des membres actifs les 30 derniers jours, en 1 jour.',
    );
  });

  it('says them in Spanish, where 0 is plural', () => {
    expect(t('es', 'rounds.quorumLine', { quorum: 50, needed: 1 })).toBe(
      'Quórum: 50 % del censo, es decir, 1 votante.',
    );
    expect(t('es', 'rounds.turnout', { voters: 1, census: 1, percent: 100 })).toBe('1 de 1 miembro ha votado (100 %)');
    expect(t('es', 'vote.arguments', { for: 0, against: 0, questions: 0 })).toBe(
      'Debate: 0 a favor, 0 en contra, 0 preguntas.',
    );
    expect(t('es', 'program.supportRuleShare', { value: 5, activeDays: 1, days: 14 })).toBe(
      'Las enmiendas necesitan el apoyo del 5 % de los miembros activos en el último 1 día, en 14 días.',
    );
  });
});
