import { z } from 'zod';
import { PASSWORD_MAX, PASSWORD_MIN } from '../../integrations/auth/auth.ts';
import { text } from '../fields.ts';

export const emailField = z.string().trim().toLowerCase().min(1).max(254).pipe(z.email());
export const nameField = text(1, 100);
export const newPasswordField = z.string().min(PASSWORD_MIN).max(PASSWORD_MAX);
// Sign-in takes any password up to the maximum: a shorter rule set later must not lock people out.
export const passwordField = z.string().min(1).max(PASSWORD_MAX);

export const signUpForm = z.object({ name: nameField, email: emailField, password: newPasswordField, next: z.string().optional() });
export const signInForm = z.object({ email: emailField, password: passwordField, next: z.string().optional() });
export const forgotForm = z.object({ email: emailField });
export const resetForm = z.object({ token: z.string().min(1).max(256), password: newPasswordField });
