import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** What broke, in the person's words: "The charts", "The canvas". */
  area: string;
  /** The grid area the part occupies, so the message takes its place in the layout. */
  gridArea?: string;
  children: ReactNode;
}

interface State {
  error: Error | null;
}

/**
 * Never a blank page: a part that throws shows what happened and a way back. The design lives in
 * the store, not in the component tree, so "Try again" loses nothing.
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`${this.props.area} failed`, error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div className="bp-crash" role="alert" style={this.props.gridArea ? { gridArea: this.props.gridArea } : undefined}>
        <p>
          <strong>{this.props.area} hit a problem</strong> and stopped drawing. Your design is kept.
        </p>
        <p className="bp-crash__detail">{error.message}</p>
        <button type="button" className="bp-btn" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </div>
    );
  }
}
