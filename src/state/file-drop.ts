// Scenario files dropped anywhere on the window: a reactive controller that tells its host while
// files are dragged over the page (to show the drop target) and hands the dropped files on.
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class FileDropController implements ReactiveController {
  /** Files are being dragged over the window. */
  dragging = false;
  private depth = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly onFiles: (files: File[]) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('dragenter', this.onEnter);
    window.addEventListener('dragover', this.onOver);
    window.addEventListener('dragleave', this.onLeave);
    window.addEventListener('drop', this.onDrop);
  }

  hostDisconnected(): void {
    window.removeEventListener('dragenter', this.onEnter);
    window.removeEventListener('dragover', this.onOver);
    window.removeEventListener('dragleave', this.onLeave);
    window.removeEventListener('drop', this.onDrop);
  }

  private setDragging(on: boolean): void {
    if (on === this.dragging) return;
    this.dragging = on;
    this.host.requestUpdate();
  }

  private hasFiles = (e: DragEvent) => [...(e.dataTransfer?.types ?? [])].includes('Files');

  private onEnter = (e: DragEvent) => {
    if (!this.hasFiles(e)) return;
    this.depth++;
    this.setDragging(true);
  };

  private onOver = (e: DragEvent) => {
    if (!this.hasFiles(e)) return;
    e.preventDefault();
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
  };

  private onLeave = (e: DragEvent) => {
    if (!this.hasFiles(e)) return;
    this.depth = Math.max(0, this.depth - 1);
    if (this.depth === 0) this.setDragging(false);
  };

  private onDrop = (e: DragEvent) => {
    if (!this.hasFiles(e)) return;
    e.preventDefault();
    this.depth = 0;
    this.setDragging(false);
    this.onFiles([...(e.dataTransfer?.files ?? [])]);
  };
}
