import type { ReactNode } from 'react';

interface FormAlertProps {
  tone: 'error' | 'success';
  children: ReactNode;
}

/** Form-level message: errors interrupt (alert), confirmations are announced politely (status). */
export function FormAlert({ tone, children }: FormAlertProps) {
  return (
    <div className={`alert alert--${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}
