// SPDX-License-Identifier: GPL-2.0
/*
 * Cell management for the root cell: create, load (and shutdown, which is
 * a load without images), start and destroy, with Jailhouse's ioctls.
 * Everything runs under warden.lock, so that two management commands
 * never interleave. Every request from user space is checked before
 * anything changes; what the hypervisor refuses, it explains on its
 * console, and those lines are copied to the kernel log for the CLI.
 */
#include <linux/cpu.h>
#include <linux/delay.h>
#include <linux/io.h>
#include <linux/slab.h>
#include <linux/uaccess.h>

#include <warden/cell_load.h>

#include "cell.h"
#include "warden.h"

/* The hypervisor takes configs of up to 16 pages, as Jailhouse does. */
#define CELL_CONFIG_MAX (16 * 4096)
#define CELL_MAX_IMAGES 16

struct warden_cell warden_cells[WARDEN_MAX_CELLS];

static u32 console_tail(void)
{
	return warden.console ? READ_ONCE(warden.console->tail) : 0;
}

/* The hypervisor's reasons, from its console since from, into the log. */
static void log_hv_console(u32 from)
{
	struct warden_console_ring *ring = warden.console;
	unsigned int n = 0;
	char line[384]; /* a rule engine sentence: up to 320 + "ERROR: " */
	u32 pos, tail;

	if (!ring || ring->magic != WARDEN_CONSOLE_MAGIC)
		return;
	tail = READ_ONCE(ring->tail);
	if (tail - from > ring->size)
		from = tail - ring->size;
	for (pos = from; pos != tail; pos++) {
		char c = ring->buf[pos & (ring->size - 1)];

		if (c != '\n' && n < sizeof(line) - 1) {
			line[n++] = c;
			continue;
		}
		line[n] = 0;
		if (n)
			pr_err("warden: hypervisor: %s\n", line);
		n = 0;
	}
}

static long cell_hypercall(unsigned long code, unsigned long arg,
			   const char *what)
{
	u32 from = console_tail();
	long ret = warden_hypercall(code, arg, 0);

	if (ret < 0) {
		pr_err("warden: %s refused by the hypervisor (%ld)\n", what,
		       ret);
		log_hv_console(from);
	}
	return ret;
}

static struct warden_cell *cell_find(const struct jailhouse_cell_id *id)
{
	unsigned int i;

	for (i = 0; i < WARDEN_MAX_CELLS; i++) {
		struct warden_cell *c = &warden_cells[i];

		if (!c->id)
			continue;
		if (id->id >= 0 ? c->id == id->id :
				  !strncmp(c->name, id->name, sizeof(id->name)))
			return c;
	}
	if (id->id == 0)
		pr_err("warden: cell 0 is the root cell: it cannot be "
		       "managed\n");
	else if (id->id > 0)
		pr_err("warden: no cell with ID %d (see warden cell list)\n",
		       id->id);
	else
		pr_err("warden: no cell named \"%.*s\" (see warden cell "
		       "list)\n",
		       (int)sizeof(id->name), id->name);
	return NULL;
}

static long copy_cell_id(struct jailhouse_cell_id *id, const void __user *u)
{
	if (copy_from_user(id, u, sizeof(*id)))
		return -EFAULT;
	id->name[sizeof(id->name) - 1] = 0;
	return 0;
}

/*
 * The preamble of every call on an existing cell: takes warden.lock and
 * finds the cell by ID or name. Returns 0 with the lock held and *cell
 * set, or -ENODEV (not enabled) or -ENOENT (no such cell, said in the
 * log) with the lock released.
 */
static long cell_lookup_locked(const struct jailhouse_cell_id *id,
			       struct warden_cell **cell)
{
	mutex_lock(&warden.lock);
	if (!warden.enabled) {
		mutex_unlock(&warden.lock);
		return -ENODEV;
	}
	*cell = cell_find(id);
	if (!*cell) {
		mutex_unlock(&warden.lock);
		return -ENOENT;
	}
	return 0;
}

/* The same for an ID that user space passes at uarg. */
static long cell_lookup_user(const void __user *uarg, struct warden_cell **cell)
{
	struct jailhouse_cell_id id;
	long err = copy_cell_id(&id, uarg);

	return err ? err : cell_lookup_locked(&id, cell);
}

long warden_cell_console_find(const void __user *uarg, int *id, char *name)
{
	struct warden_cell *cell;
	long err = cell_lookup_user(uarg, &cell);

	if (err)
		return err;
	*id = cell->id;
	strscpy(name, cell->name, JAILHOUSE_CELL_NAME_MAXLEN + 1);
	mutex_unlock(&warden.lock);
	return 0;
}

bool warden_cell_is(int id, const char *name)
{
	return id >= 1 && id <= WARDEN_MAX_CELLS &&
	       warden_cells[id - 1].id == id &&
	       !strcmp(warden_cells[id - 1].name, name);
}

/*
 * Linux stops waiting for a dying CPU after 100 ms; on a loaded machine it
 * may not have reached PSCI CPU_OFF yet, and the hypervisor refuses to give
 * a running CPU to a cell. Waits up to 2 s per CPU for it to be off.
 */
static int cpus_wait_off(struct warden_cell *cell)
{
	unsigned long deadline = jiffies + 2 * HZ;
	unsigned int cpu;

	for (cpu = 0; cpu < 64; cpu++) {
		if (!(cell->offlined & BIT_ULL(cpu)))
			continue;
		while (warden_hypercall(WARDEN_HC_CPU_GET_INFO, cpu,
					WARDEN_CPU_INFO_OFF) == 0) {
			if (time_after(jiffies, deadline)) {
				pr_err("warden: CPU %u did not reach PSCI "
				       "CPU_OFF within 2 s; cell \"%s\" not "
				       "created\n",
				       cpu, cell->name);
				return -EBUSY;
			}
			usleep_range(1000, 2000);
		}
	}
	return 0;
}

/* Takes the cell's CPUs from Linux; on failure, gives back what it took. */
static int cpus_offline(struct warden_cell *cell)
{
	unsigned int cpu;
	int err;

	for (cpu = 0; cpu < 64; cpu++) {
		if (!(cell->cpus & BIT_ULL(cpu)) || !cpu_online(cpu))
			continue;
		err = remove_cpu(cpu);
		if (err) {
			pr_err("warden: cannot take CPU %u offline for cell "
			       "\"%s\": %d\n",
			       cpu, cell->name, err);
			return err;
		}
		cell->offlined |= BIT_ULL(cpu);
	}
	return cpus_wait_off(cell);
}

static void cpus_online(struct warden_cell *cell)
{
	unsigned int cpu;

	for (cpu = 0; cpu < 64; cpu++) {
		if (!(cell->offlined & BIT_ULL(cpu)))
			continue;
		if (add_cpu(cpu))
			pr_warn("warden: CPU %u stays offline; bring it back "
				"with: echo 1 > "
				"/sys/devices/system/cpu/cpu%u/online\n",
				cpu, cpu);
	}
	cell->offlined = 0;
}

static int check_cpus(struct warden_cell *cell)
{
	u64 cpu, limit = warden_config_cpu_limit(&cell->cfg);

	cell->cpus = 0;
	for (cpu = 0; cpu < limit; cpu++) {
		if (!warden_config_has_cpu(&cell->cfg, cpu))
			continue;
		if (cpu >= 64 || cpu >= nr_cpu_ids) {
			pr_err("warden: cell \"%s\" lists CPU %llu, which this "
			       "system does not have\n",
			       cell->name, cpu);
			return -EINVAL;
		}
		if (!(warden.root_cpus & BIT_ULL(cpu))) {
			pr_err("warden: CPU %llu of cell \"%s\" is not the root "
			       "cell's (another cell has it, or the system "
			       "config does not list it)\n",
			       cpu, cell->name);
			return -EBUSY;
		}
		cell->cpus |= BIT_ULL(cpu);
	}
	if (!cell->cpus) {
		pr_err("warden: cell \"%s\" has no CPUs\n", cell->name);
		return -EINVAL;
	}
	if (!(warden.root_cpus & ~cell->cpus)) {
		pr_err("warden: cell \"%s\" would take every CPU of the root "
		       "cell\n",
		       cell->name);
		return -EINVAL;
	}
	return 0;
}

static struct warden_cell *free_slot(const char *name)
{
	struct warden_cell *slot = NULL;
	unsigned int i;

	if (!strcmp(name, warden.root_name)) {
		pr_err("warden: \"%s\" is the root cell's name: give the cell "
		       "another name\n",
		       name);
		return ERR_PTR(-EEXIST);
	}
	for (i = 0; i < WARDEN_MAX_CELLS; i++) {
		if (!warden_cells[i].id) {
			if (!slot)
				slot = &warden_cells[i];
		} else if (!strcmp(warden_cells[i].name, name)) {
			pr_err("warden: a cell named \"%s\" exists already "
			       "(ID %d)\n",
			       name, warden_cells[i].id);
			return ERR_PTR(-EEXIST);
		}
	}
	if (!slot) {
		pr_err("warden: %d cells exist already, the most this driver "
		       "manages: destroy one first\n",
		       WARDEN_MAX_CELLS);
		return ERR_PTR(-ENOSPC);
	}
	slot->id = slot - warden_cells + 1;
	return slot;
}

static void *copy_config(const struct jailhouse_cell_create *req)
{
	void *config;

	if (req->config_size < sizeof(struct jailhouse_cell_desc) ||
	    req->config_size > CELL_CONFIG_MAX) {
		pr_err("warden: cell config of %u bytes: a cell config has "
		       "%zu to %u bytes\n",
		       req->config_size, sizeof(struct jailhouse_cell_desc),
		       CELL_CONFIG_MAX);
		return ERR_PTR(-EINVAL);
	}
	/* kmalloc: physically contiguous, for the hypervisor to read */
	config = kmalloc(req->config_size, GFP_KERNEL);
	if (!config)
		return ERR_PTR(-ENOMEM);
	if (copy_from_user(config, u64_to_user_ptr(req->config_address),
			   req->config_size)) {
		kfree(config);
		return ERR_PTR(-EFAULT);
	}
	return config;
}

long warden_cell_create(const void __user *uarg)
{
	struct jailhouse_cell_create req;
	struct warden_config cfg;
	struct warden_cell *cell;
	enum warden_config_status st;
	void *config;
	long err;

	if (copy_from_user(&req, uarg, sizeof(req)))
		return -EFAULT;
	config = copy_config(&req);
	if (IS_ERR(config))
		return PTR_ERR(config);
	st = warden_config_parse(config, req.config_size, WARDEN_CONFIG_CELL,
				 &cfg);
	if (st != WARDEN_CONFIG_OK || cfg.size != req.config_size) {
		pr_err("warden: not a valid cell config (parser status %d, "
		       "%llu of %u bytes described): see warden config "
		       "check\n",
		       st, cfg.size, req.config_size);
		kfree(config);
		return -EINVAL;
	}

	mutex_lock(&warden.lock);
	if (!warden.enabled) {
		pr_err("warden: the hypervisor is not enabled\n");
		err = -ENODEV;
		goto free;
	}
	cell = free_slot(cfg.cell->name);
	if (IS_ERR(cell)) {
		err = PTR_ERR(cell);
		goto free;
	}
	strscpy(cell->name, cfg.cell->name, sizeof(cell->name));
	cell->config = config;
	cell->config_size = req.config_size;
	cell->cfg = cfg;
	cell->offlined = 0;
	err = check_cpus(cell);
	if (err)
		goto release;
	/* The hypervisor reads the id from the config, as Jailhouse's. */
	((struct jailhouse_cell_desc *)config)->id = cell->id;
	err = cpus_offline(cell);
	if (!err)
		err = cell_hypercall(WARDEN_HC_CELL_CREATE,
				     virt_to_phys(config), "creating the cell");
	if (err)
		goto online;
	warden.root_cpus &= ~cell->cpus;
	warden_cell_sysfs_add(cell);
	pr_info("warden: created cell \"%s\" (ID %d)\n", cell->name, cell->id);
	mutex_unlock(&warden.lock);
	return 0;
online:
	cpus_online(cell);
release:
	cell->id = 0;
	cell->config = NULL;
free:
	mutex_unlock(&warden.lock);
	kfree(config);
	return err;
}

/*
 * Copies image n (0-based) of num to the cell's physical address phys,
 * region t->region. A failure names the image, its target and how far the
 * copy got: the memory holds part of it now.
 */
static long copy_image(struct warden_cell *cell,
		       const struct jailhouse_preload_image *img,
		       unsigned int n, unsigned int num,
		       const struct cell_load_target *t)
{
	unsigned long left;
	void *dst;

	if (!img->size)
		return 0;
	dst = memremap(t->phys, img->size, MEMREMAP_WB);
	if (!dst) {
		pr_err("warden: image %u of %u (%llu bytes for 0x%llx): cannot "
		       "map its target 0x%llx-0x%llx in region %u of cell "
		       "\"%s\"\n",
		       n + 1, num, img->size, img->target_address, t->phys,
		       t->phys + img->size - 1, t->region, cell->name);
		return -ENOMEM;
	}
	/*
	 * No cache maintenance here: the hypervisor cleans all of the cell's
	 * memory to the point of coherency at start, once the root has lost
	 * it (docs/hypervisor.md), which covers this copy too.
	 */
	left = copy_from_user(dst, u64_to_user_ptr(img->source_address),
			      img->size);
	memunmap(dst);
	if (left) {
		pr_err("warden: image %u of %u (%llu bytes for 0x%llx in "
		       "region %u of cell \"%s\", physical 0x%llx) was copied "
		       "only in part (%llu of %llu bytes): its source buffer "
		       "in the caller's memory is not readable\n",
		       n + 1, num, img->size, img->target_address, t->region,
		       cell->name, t->phys, img->size - left, img->size);
		return -EFAULT;
	}
	return 0;
}

long warden_cell_load(const void __user *uarg)
{
	struct jailhouse_preload_image *img = NULL;
	struct cell_load_target t[CELL_MAX_IMAGES];
	struct jailhouse_cell_load req;
	struct warden_cell *cell;
	char msg[200];
	unsigned int i;
	long err;

	if (copy_from_user(&req, uarg, sizeof(req)))
		return -EFAULT;
	req.cell_id.name[sizeof(req.cell_id.name) - 1] = 0;
	if (req.num_preload_images > CELL_MAX_IMAGES) {
		pr_err("warden: %u images: at most %d can be loaded at once\n",
		       req.num_preload_images, CELL_MAX_IMAGES);
		return -EINVAL;
	}
	if (req.num_preload_images) {
		img = memdup_user(uarg + sizeof(req),
				  req.num_preload_images * sizeof(*img));
		if (IS_ERR(img))
			return PTR_ERR(img);
	}

	err = cell_lookup_locked(&req.cell_id, &cell);
	if (err)
		goto free;
	/* Every image placed before the cell is touched. */
	for (i = 0; i < req.num_preload_images; i++) {
		err = cell_load_place(&cell->cfg, img[i].target_address,
				      img[i].size, &t[i], msg, sizeof(msg));
		if (err) {
			pr_err("warden: image %u of %u: %s\n", i + 1,
			       req.num_preload_images, msg);
			goto unlock;
		}
	}
	err = cell_hypercall(WARDEN_HC_CELL_SET_LOADABLE, cell->id,
			     "stopping the cell");
	for (i = 0; !err && i < req.num_preload_images; i++) {
		err = copy_image(cell, &img[i], i, req.num_preload_images,
				 &t[i]);
		if (err) {
			cell->torn_image = i + 1;
			cell->torn_addr = img[i].target_address;
			cell->torn_size = img[i].size;
			pr_err("warden: cell \"%s\" stays shut down with "
			       "this image incomplete: it cannot start until "
			       "a load succeeds\n",
			       cell->name);
		}
	}
	if (!err && req.num_preload_images) {
		cell->torn_image = 0;
		pr_info("warden: loaded %u image(s) into cell \"%s\"\n",
			req.num_preload_images, cell->name);
	} else if (!err) {
		pr_info("warden: cell \"%s\" shut down\n", cell->name);
	}
unlock:
	mutex_unlock(&warden.lock);
free:
	kfree(img);
	return err;
}

long warden_cell_start(const void __user *uarg)
{
	struct warden_cell *cell;
	long err = cell_lookup_user(uarg, &cell);

	if (err)
		return err;
	if (cell->torn_image) {
		/* the hypervisor would start it: it cannot know */
		pr_err("warden: cell \"%s\" was loaded only in part (image %u, "
		       "%llu bytes for 0x%llx, failed): load it again before "
		       "starting it\n",
		       cell->name, cell->torn_image, cell->torn_size,
		       cell->torn_addr);
		err = -EINVAL;
	} else {
		err = cell_hypercall(WARDEN_HC_CELL_START, cell->id,
				     "starting the cell");
	}
	if (!err)
		pr_info("warden: started cell \"%s\"\n", cell->name);
	mutex_unlock(&warden.lock);
	return err;
}

/*
 * The cell's sysfs entries are handed to the caller, to be removed after
 * dropping warden.lock: their readers take the lock, and removal waits
 * for readers.
 */
static long destroy(struct warden_cell *cell, struct warden_cell_sysfs **sysfs)
{
	long err = cell_hypercall(WARDEN_HC_CELL_DESTROY, cell->id,
				  "destroying the cell");

	if (err)
		return err;
	warden.root_cpus |= cell->cpus;
	pr_info("warden: destroyed cell \"%s\"\n", cell->name);
	cpus_online(cell);
	kfree(cell->config);
	*sysfs = cell->sysfs;
	memset(cell, 0, sizeof(*cell));
	return 0;
}

static long destroy_by_id(const struct jailhouse_cell_id *id)
{
	struct warden_cell_sysfs *sysfs = NULL;
	struct warden_cell *cell;
	long err = cell_lookup_locked(id, &cell);

	if (err)
		return err;
	err = destroy(cell, &sysfs);
	mutex_unlock(&warden.lock);
	warden_cell_sysfs_remove(sysfs);
	return err;
}

long warden_cell_destroy(const void __user *uarg)
{
	struct jailhouse_cell_id id;
	long err = copy_cell_id(&id, uarg);

	return err ? err : destroy_by_id(&id);
}

int warden_cell_destroy_all(void)
{
	struct jailhouse_cell_id id = { 0 };
	unsigned int i;
	int err = 0;

	for (i = 0; i < WARDEN_MAX_CELLS; i++) {
		mutex_lock(&warden.lock);
		id.id = warden_cells[i].id;
		mutex_unlock(&warden.lock);
		if (id.id && destroy_by_id(&id)) {
			pr_err("warden: cell \"%s\" stays (see above): the "
			       "hypervisor cannot leave while it exists\n",
			       warden_cells[i].name);
			err = -EBUSY;
		}
	}
	return err;
}
