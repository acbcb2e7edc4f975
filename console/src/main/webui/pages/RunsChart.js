import { html } from 'htm/preact';
import { useEffect, useRef } from 'preact/hooks';
import { BarController, BarElement, CategoryScale, Chart, Legend, LineController, LineElement, LinearScale, PointElement,
  Tooltip } from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, Legend, LineController, LineElement, LinearScale, PointElement,
  Tooltip);

const MIB = 1024 * 1024;

/** Duration (line, seconds) and bytes read and stored (bars, MiB) of a definition's recent finished runs, oldest first. */
export function RunsChart({ jobs }) {
  const canvas = useRef(null);
  const chart = useRef(null);
  const finished = jobs.filter((job) => job.end_time && job.start_time).reverse();

  useEffect(() => {
    const data = {
      labels: finished.map((job) => new Date(job.start_time * 1000).toLocaleString()),
      datasets: [
        { type: 'line', label: 'Duration (s)', yAxisID: 'seconds', borderColor: '#b45309', backgroundColor: '#b45309',
          data: finished.map((job) => job.end_time - job.start_time) },
        { type: 'bar', label: 'Read (MiB)', yAxisID: 'mebibytes', backgroundColor: '#93c5fd',
          data: finished.map((job) => (progressOf(job).io_size ?? 0) / MIB) },
        { type: 'bar', label: 'Stored (MiB)', yAxisID: 'mebibytes', backgroundColor: '#1d4ed8',
          data: finished.map((job) => (progressOf(job).transferred_size ?? 0) / MIB) },
      ],
    };
    if (chart.current) {
      chart.current.data = data;
      chart.current.update('none');
    } else {
      chart.current = new Chart(canvas.current, {
        data,
        options: {
          animation: false,
          maintainAspectRatio: false,
          scales: {
            seconds: { type: 'linear', position: 'right', beginAtZero: true, title: { display: true, text: 'seconds' } },
            mebibytes: { type: 'linear', position: 'left', beginAtZero: true, title: { display: true, text: 'MiB' } },
          },
        },
      });
    }
  }, [JSON.stringify(finished.map((job) => [job._id, job.end_time, progressOf(job)]))]);

  useEffect(() => () => chart.current?.destroy(), []);

  return html`<div class="chart" data-testid="runs-chart" data-runs=${finished.length}>
    ${finished.length === 0 && html`<p class="muted">No finished runs yet.</p>`}
    <canvas ref=${canvas}></canvas>
  </div>`;
}

function progressOf(job) {
  return job.kube_copy_progress?.stats ?? {};
}
