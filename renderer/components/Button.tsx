// Buttons in four tones. Icon-only buttons must say what they do (aria-label), which the type enforces.
import type { ButtonHTMLAttributes, ReactNode } from 'react';
import { Icon, type IconName } from './Icon';

type Tone = 'primary' | 'secondary' | 'ghost' | 'danger';

interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  tone?: Tone;
  size?: 'sm' | 'md' | 'lg';
  icon?: IconName;
  busy?: boolean;
  children?: ReactNode;
}

export function Button({
  tone = 'secondary',
  size = 'md',
  icon,
  busy,
  children,
  className,
  ...rest
}: ButtonProps) {
  const classes = ['btn', `btn-${tone}`, `btn-${size}`, className].filter(Boolean).join(' ');
  return (
    <button type="button" className={classes} aria-busy={busy || undefined} {...rest}>
      {busy ? <span className="spinner" aria-hidden="true" /> : icon ? <Icon name={icon} /> : null}
      {children}
    </button>
  );
}

interface IconButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  icon: IconName;
  'aria-label': string;
  tone?: Tone;
  pressed?: boolean;
  size?: 'sm' | 'md';
}

export function IconButton({
  icon,
  tone = 'ghost',
  pressed,
  size = 'md',
  className,
  ...rest
}: IconButtonProps) {
  const classes = ['btn', 'btn-icon', `btn-${tone}`, `btn-${size}`, className].filter(Boolean).join(' ');
  return (
    <button type="button" className={classes} aria-pressed={pressed} title={rest['aria-label']} {...rest}>
      <Icon name={icon} />
    </button>
  );
}
