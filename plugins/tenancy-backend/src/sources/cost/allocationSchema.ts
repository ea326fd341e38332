import { z } from 'zod';

const cost = z.number().nullable().optional();

/** The fields of an OpenCost/Kubecost allocation response this backend reads. */
export const allocationResponseSchema = z.object({
  code: z.number(),
  data: z.array(
    z.record(
      z.string(),
      z.object({
        name: z.string().optional(),
        properties: z
          .object({
            cluster: z.string().optional(),
            namespace: z.string().optional(),
          })
          .optional(),
        start: z.string(),
        end: z.string().optional(),
        cpuCost: cost,
        gpuCost: cost,
        ramCost: cost,
        pvCost: cost,
        networkCost: cost,
        loadBalancerCost: cost,
        sharedCost: cost,
        externalCost: cost,
        totalCost: cost,
        totalEfficiency: cost,
      }),
    ),
  ),
});
