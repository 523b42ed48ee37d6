import { useNavigate } from '@tanstack/react-router';
import { useId, useState, type FormEvent } from 'react';
import { t } from '../../i18n/translate';

/** The search box of the header: a search form that opens the results page (/buscar?q=). */
export function HeaderSearch() {
  const navigate = useNavigate();
  const inputId = useId();
  const [text, setText] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const q = text.trim();
    if (q) void navigate({ to: '/buscar', search: { q } });
  };
  return (
    <form className="header-search" role="search" aria-label={t('search.label')} onSubmit={submit}>
      <label htmlFor={inputId} className="visually-hidden">
        {t('search.label')}
      </label>
      <input id={inputId} type="search" name="q" value={text} onChange={(event) => setText(event.target.value)} placeholder={t('search.placeholder')} maxLength={200} autoComplete="off" />
      <button type="submit" className="button button--on-accent">
        {t('search.submit')}
      </button>
    </form>
  );
}
